// bpsim's stand-in for the CBP-2025 kit's lib/sim_common_structs.h: the instruction classes
// (same codes), the class tests, and the decode and execute records a submission reads, with
// the kit's names. Written for bpsim.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <vector>

enum class InstClass : uint8_t {
  aluInstClass = 0,
  loadInstClass = 1,
  storeInstClass = 2,
  condBranchInstClass = 3,
  uncondDirectBranchInstClass = 4,
  uncondIndirectBranchInstClass = 5,
  fpInstClass = 6,
  slowAluInstClass = 7,
  undefInstClass = 8,
  callDirectInstClass = 9,
  callIndirectInstClass = 10,
  ReturnInstClass = 11,
};

inline bool is_load(InstClass c) { return c == InstClass::loadInstClass; }
inline bool is_store(InstClass c) { return c == InstClass::storeInstClass; }
inline bool is_mem(InstClass c) { return is_load(c) || is_store(c); }
inline bool is_cond_br(InstClass c) { return c == InstClass::condBranchInstClass; }
inline bool is_br(InstClass c) {
  switch (c) {
    case InstClass::condBranchInstClass:
    case InstClass::uncondDirectBranchInstClass:
    case InstClass::uncondIndirectBranchInstClass:
    case InstClass::callDirectInstClass:
    case InstClass::callIndirectInstClass:
    case InstClass::ReturnInstClass:
      return true;
    default:
      return false;
  }
}
inline bool is_uncond_ind_br(InstClass c) {
  return c == InstClass::uncondIndirectBranchInstClass || c == InstClass::callIndirectInstClass ||
         c == InstClass::ReturnInstClass;
}
inline bool is_uncond_br(InstClass c) { return is_br(c) && !is_cond_br(c); }

enum class HitMissInfo : uint8_t { Miss, L1DHit, L2Hit, L3Hit, Invalid };

struct DecodeInfo {
  InstClass insn_class = InstClass::undefInstClass;
  std::vector<uint64_t> src_reg_info;
  std::optional<uint64_t> dst_reg_info;

  void reset() {
    insn_class = InstClass::undefInstClass;
    src_reg_info.clear();
    dst_reg_info.reset();
  }

  friend std::ostream& operator<<(std::ostream& os, const DecodeInfo& d) {
    return os << "{ class " << static_cast<int>(d.insn_class) << " sources "
              << d.src_reg_info.size() << " }";
  }
};

struct ExecuteInfo {
  DecodeInfo dec_info;
  std::optional<bool> taken;
  uint64_t next_pc = UINT64_MAX;
  std::optional<uint64_t> taken_target;
  std::optional<uint64_t> mem_va;
  std::optional<uint64_t> mem_sz;
  std::optional<uint64_t> dst_reg_value;

  void reset() { *this = ExecuteInfo(); }

  friend std::ostream& operator<<(std::ostream& os, const ExecuteInfo& e) {
    return os << "{ " << e.dec_info << " next_pc 0x" << std::hex << e.next_pc << std::dec
              << " }";
  }
};
