#ifndef PUNCHPLAY_CMALLOC_SHIM_H
#define PUNCHPLAY_CMALLOC_SHIM_H
#include <malloc.h>
#endif
