/*
 * <arm_neon.h> for wasm32 with -msimd128: xxhash.h includes it when it
 * exists and then hashes with its NEON code. SIMDe implements the NEON
 * intrinsics (and, with native aliases, their NEON names) in terms of
 * wasm_simd128.h on this target, so the hashing loops become wasm SIMD.
 */
#ifndef SIMDE_NEON_ARM_NEON_H
#define SIMDE_NEON_ARM_NEON_H
#define SIMDE_ENABLE_NATIVE_ALIASES
#include <simde/arm/neon.h>
#endif
