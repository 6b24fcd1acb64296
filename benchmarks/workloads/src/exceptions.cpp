// The native reference of exceptions.wat: the same loop, with C++ exceptions.
#include <cstdint>

__attribute__((noinline)) static uint32_t check(uint32_t x) {
    if (x % 3 == 0) {
        throw static_cast<uint32_t>(x * 7);
    }
    return x + 1;
}

extern "C" int64_t run(void) {
    int64_t sum = 0;
    for (uint32_t i = 0; i < 300000; i++) {
        try {
            sum += check(i);
        } catch (uint32_t payload) {
            sum += static_cast<int64_t>(payload) * 3;
        }
    }
    return sum;
}
