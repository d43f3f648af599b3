// bpsim's stand-in for the CBP-2016 kit's bt9_reader.h: the standard headers the kit's one
// brings in, without its reader (bpsim reads the trace) and without Boost.
#ifndef __BT9_READER_H__
#define __BT9_READER_H__

#include <stdio.h>
#include <limits>
#include <map>
#include <memory>
#include <vector>

#include "bt9.h"

#endif
