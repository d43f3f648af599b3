package org.bpsim.predictor.registry;

/**
 * The parent of every plugin's class loader: it shows a plugin the JDK and the predictor SPI, and
 * nothing else of bpsim. A plugin therefore cannot reach bpsim's internals, and its own libraries
 * (even other versions of ones bpsim uses) cannot clash with bpsim's.
 */
final class SpiOnlyClassLoader extends ClassLoader {
  private static final String SPI_PACKAGE = "org.bpsim.predictor.spi.";

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader bpsim;

  SpiOnlyClassLoader(ClassLoader bpsim) {
    super("bpsim-spi", ClassLoader.getPlatformClassLoader());
    this.bpsim = bpsim;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (name.startsWith(SPI_PACKAGE)) {
      return bpsim.loadClass(name);
    }
    throw new ClassNotFoundException(name);
  }
}
