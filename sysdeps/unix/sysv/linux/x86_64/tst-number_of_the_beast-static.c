#include "tst-number_of_the_beast.c"
