// The fused cells with AVX2 and FMA: 8 units per instruction (see cells.inc). (16 lanes, two
// registers each, run out of the 16 ymm registers inside exp and tanh and spill.)
#if defined(__x86_64__)
#define LANES 8
#define TARGET __attribute__((target("avx2,fma")))
#define NAME(x) d2l_##x##_avx2
#include "cells.inc"
#endif
