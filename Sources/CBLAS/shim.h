// OpenBLAS's CBLAS interface (Debian: libopenblas-dev).
#include <cblas.h>
// Thread control, so training can use both cores for large products and one for small ones.
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
