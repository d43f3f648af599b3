package org.bpsim.predictor.cbpnative;

import java.util.List;

/**
 * A championship kit's predictor interface: the files a submission must have, the ones bpsim
 * compiles, and bpsim's headers and driver for it (resources of this package).
 */
enum NativeInterface {
  CBP2016("cbp2016", "predictor.h", List.of("predictor.cc"),
      List.of("cbp2016/utils.h", "cbp2016/bt9.h", "cbp2016/bt9_reader.h"), "cbp2016/driver.cc"),
  CBP2025("cbp2025", "cond_branch_predictor_interface.cc",
      List.of("cond_branch_predictor_interface.cc"),
      List.of("cbp2025/lib/sim_common_structs.h"), "cbp2025/driver.cc");

  /** The shared protocol header, in every build. */
  static final String PROTOCOL_HEADER = "common/bpsim_native_io.h";

  final String kind;
  /** The file a submission's folder must hold. */
  final String requiredFile;
  /** Sources compiled beside the driver when the folder holds them. */
  final List<String> sources;
  /** bpsim's headers, by resource path below the interface's folder. */
  final List<String> headers;
  final String driver;

  NativeInterface(String kind, String requiredFile, List<String> sources, List<String> headers,
      String driver) {
    this.kind = kind;
    this.requiredFile = requiredFile;
    this.sources = sources;
    this.headers = headers;
    this.driver = driver;
  }

  /** Where a header goes in the include folder: its path below the interface's folder. */
  static String includePath(String resource) {
    return resource.substring(resource.indexOf('/') + 1);
  }
}
