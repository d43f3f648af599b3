// bpsim's stand-in for the CBP-2016 kit's bt9.h. bpsim reads the trace itself, so a submission
// gets no trace reader from here, only the standard headers the kit's one brings in (a
// submission may rely on them) and its namespace.
#ifndef __BT9_H__
#define __BT9_H__

#include <assert.h>
#include <algorithm>
#include <array>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace bt9 {}

#endif
