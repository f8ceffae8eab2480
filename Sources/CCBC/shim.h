// CBC's C interface (Debian: coinor-libcbc-dev, pkg-config `cbc`). Each Cbc_Model is owned by
// one CBCKit.MIPSolve call and never shared between threads.
#ifndef PHUSONG_CCBC_SHIM_H
#define PHUSONG_CCBC_SHIM_H
#include <coin/Cbc_C_Interface.h>
#endif
