// bpsim's stand-in for the CBP-2016 kit's utils.h: the names and values a CBP-2016 submission
// uses from it (integer types, directions, the OpType codes), written for bpsim.
#ifndef UTILS_H
#define UTILS_H

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

using namespace std;

#define UINT32 unsigned int
#define INT32 int
#define UINT64 unsigned long long
#define COUNTER unsigned long long

#define NOT_TAKEN 0
#define TAKEN 1

#define FAILURE 0
#define SUCCESS 1

// The kit's branch types: codes from 2 (OPTYPE_OP) upward in this order.
typedef enum {
  OPTYPE_OP = 2,
  OPTYPE_RET_UNCOND = 3,
  OPTYPE_JMP_DIRECT_UNCOND = 4,
  OPTYPE_JMP_INDIRECT_UNCOND = 5,
  OPTYPE_CALL_DIRECT_UNCOND = 6,
  OPTYPE_CALL_INDIRECT_UNCOND = 7,
  OPTYPE_RET_COND = 8,
  OPTYPE_JMP_DIRECT_COND = 9,
  OPTYPE_JMP_INDIRECT_COND = 10,
  OPTYPE_CALL_DIRECT_COND = 11,
  OPTYPE_CALL_INDIRECT_COND = 12,
  OPTYPE_ERROR = 13,
  OPTYPE_MAX = 14
} OpType;

static inline UINT32 SatIncrement(UINT32 x, UINT32 max) { return x < max ? x + 1 : x; }

static inline UINT32 SatDecrement(UINT32 x) { return x > 0 ? x - 1 : x; }

#endif
