package org.bpsim.report;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a chart into SVG text with JFreeSVG. The output is the same for the same chart: JFreeSVG's
 * default id prefix comes from the clock, so every id is given explicitly, from the chart's name.
 */
public final class SvgRenderer {
  static {
    // Charts are drawn with AWT's geometry and font metrics only, never on a screen.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    // Rotated axis labels as SVG text, not as glyph outlines (a hundred times larger).
    org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private SvgRenderer() {
  }

  /**
   * An {@code <svg>} element for inlining into HTML, at its own size so that every chart's text
   * is the same size; the page's style lets it shrink to a narrower window.
   */
  public static String element(ReportChart chart) {
    SVGGraphics2D g2 = draw(chart);
    return g2.getSVGElement(chart.name(), true,
        new ViewBox(0, 0, chart.width(), chart.height()), null, null);
  }

  /** A standalone SVG file. */
  public static String document(ReportChart chart) {
    SVGGraphics2D g2 = draw(chart);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + g2.getSVGElement(chart.name(), true,
            new ViewBox(0, 0, chart.width(), chart.height()), null, null)
        + "\n";
  }

  private static SVGGraphics2D draw(ReportChart chart) {
    SVGGraphics2D g2 = new SVGGraphics2D(chart.width(), chart.height());
    g2.setDefsKeyPrefix(chart.name() + "-");
    g2.setGeomDoubleConverter(SvgRenderer::hundredths);
    chart.chart().draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, chart.width(),
        chart.height()));
    return g2;
  }

  /** Coordinates to a hundredth of a pixel: finer is invisible and triples the file. */
  static String hundredths(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "0";
    }
    return java.math.BigDecimal.valueOf(Math.round(value * 100), 2).stripTrailingZeros()
        .toPlainString();
  }
}
