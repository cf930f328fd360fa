// The fused cells on the target's baseline vectors, 4 units per instruction (SSE2 on x86-64,
// NEON on Arm; see cells.inc).
#define LANES 4
#define TARGET
#define NAME(x) d2l_##x##_portable
#include "cells.inc"
