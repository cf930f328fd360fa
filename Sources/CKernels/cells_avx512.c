// The fused cells with AVX-512: 16 units per instruction (see cells.inc).
#if defined(__x86_64__)
#define LANES 16
#define TARGET __attribute__((target("avx512f")))
#define NAME(x) d2l_##x##_avx512
#include "cells.inc"
#endif
