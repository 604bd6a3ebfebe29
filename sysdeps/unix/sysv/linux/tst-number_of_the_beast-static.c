#define TEST_STATIC 1
#include "tst-number_of_the_beast.c"
