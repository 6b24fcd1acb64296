/*
 * nbody: the Jovian planets orbiting the sun, integrated with a simple symplectic step.
 * Stresses f64 arithmetic and sqrt on a small array of structs (loads and stores of f64).
 */
#include "bench.h"

#define STEPS 500000
#define BODY_COUNT 5
#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24

typedef struct {
    double x, y, z;
    double vx, vy, vz;
    double mass;
} Body;

static Body bodies[BODY_COUNT];

/* Positions in AU, velocities in AU per day (scaled to per year below), masses in suns. */
static const Body initial_bodies[BODY_COUNT] = {
    /* sun */
    {0, 0, 0, 0, 0, 0, SOLAR_MASS},
    /* jupiter */
    {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
     1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
     -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS},
    /* saturn */
    {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
     -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
     2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS},
    /* uranus */
    {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
     2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
     -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS},
    /* neptune */
    {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
     2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
     -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS},
};

/* Gives the sun the momentum that makes the system's total momentum zero. */
static void offset_momentum(void) {
    double px = 0, py = 0, pz = 0;
    for (int i = 0; i < BODY_COUNT; i++) {
        px += bodies[i].vx * bodies[i].mass;
        py += bodies[i].vy * bodies[i].mass;
        pz += bodies[i].vz * bodies[i].mass;
    }
    bodies[0].vx = -px / SOLAR_MASS;
    bodies[0].vy = -py / SOLAR_MASS;
    bodies[0].vz = -pz / SOLAR_MASS;
}

static double energy(void) {
    double total = 0;
    for (int i = 0; i < BODY_COUNT; i++) {
        Body *b = &bodies[i];
        total += 0.5 * b->mass * (b->vx * b->vx + b->vy * b->vy + b->vz * b->vz);
        for (int j = i + 1; j < BODY_COUNT; j++) {
            Body *other = &bodies[j];
            double dx = b->x - other->x;
            double dy = b->y - other->y;
            double dz = b->z - other->z;
            total -= (b->mass * other->mass) / __builtin_sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return total;
}

static void advance(double dt) {
    for (int i = 0; i < BODY_COUNT; i++) {
        Body *b = &bodies[i];
        for (int j = i + 1; j < BODY_COUNT; j++) {
            Body *other = &bodies[j];
            double dx = b->x - other->x;
            double dy = b->y - other->y;
            double dz = b->z - other->z;
            double distance_squared = dx * dx + dy * dy + dz * dz;
            double distance = __builtin_sqrt(distance_squared);
            double magnitude = dt / (distance_squared * distance);
            b->vx -= dx * other->mass * magnitude;
            b->vy -= dy * other->mass * magnitude;
            b->vz -= dz * other->mass * magnitude;
            other->vx += dx * b->mass * magnitude;
            other->vy += dy * b->mass * magnitude;
            other->vz += dz * b->mass * magnitude;
        }
    }
    for (int i = 0; i < BODY_COUNT; i++) {
        Body *b = &bodies[i];
        b->x += dt * b->vx;
        b->y += dt * b->vy;
        b->z += dt * b->vz;
    }
}

BENCH_RUN {
    for (int i = 0; i < BODY_COUNT; i++) {
        bodies[i] = initial_bodies[i];
    }
    offset_momentum();
    for (int step = 0; step < STEPS; step++) {
        advance(0.01);
    }
    /* The final energy to 1e-12: any difference in f64 rounding shows in the low digits. */
    return (i64) (energy() * -1e12);
}
