// Guest for DwarfTest: C++ names (a namespace, a class with a method defined outside it,
// a reference), freestanding. Compiled for wasm32 and, as plain functions, for wasm64.
namespace geo {

struct Vec {
    long long x;
    long long y;
    long long dot(const Vec &other) const;
};

long long Vec::dot(const Vec &other) const {
    long long sum = x * other.x;
    sum += y * other.y;
    return sum;
}

} // namespace geo

extern "C" __attribute__((export_name("run"))) long long run(long long a, long long b) {
    geo::Vec v{a, b};
    geo::Vec w{b, a};
    long long d = v.dot(w);
    return d;
}
