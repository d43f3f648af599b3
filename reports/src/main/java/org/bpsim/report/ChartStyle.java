package org.bpsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;

/**
 * The one look of every report chart: fixed fonts and sizes (so the SVG does not depend on the
 * platform's defaults), flat bars, and a colour-blind-safe palette in a fixed order, so that a
 * predictor has the same colour in every chart.
 */
final class ChartStyle {
  /** Okabe and Ito's palette, distinguishable under the common colour-vision deficiencies. */
  static final Color[] PALETTE = {
      new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00),
      new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};

  private static final String FAMILY = Font.SANS_SERIF;
  private static final Color GRID = new Color(0xDDDDDD);
  private static final Color TEXT = new Color(0x222222);

  private ChartStyle() {
  }

  static void apply(JFreeChart chart) {
    StandardChartTheme theme = new StandardChartTheme("bpsim", false);
    theme.setExtraLargeFont(new Font(FAMILY, Font.BOLD, 17));
    theme.setLargeFont(new Font(FAMILY, Font.BOLD, 14));
    theme.setRegularFont(new Font(FAMILY, Font.PLAIN, 13));
    theme.setSmallFont(new Font(FAMILY, Font.PLAIN, 12));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setDomainGridlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setAxisLabelPaint(TEXT);
    theme.setTickLabelPaint(TEXT);
    theme.setTitlePaint(TEXT);
    theme.setLegendItemPaint(TEXT);
    theme.setPlotOutlinePaint(GRID);
    theme.setShadowVisible(false);
    theme.setBarPainter(new StandardBarPainter());
    theme.setDrawingSupplier(new DefaultDrawingSupplier(PALETTE.clone(), new Paint[0],
        new Paint[] {GRID}, new java.awt.Stroke[] {new BasicStroke(1.5f)},
        new java.awt.Stroke[] {new BasicStroke(1f)},
        DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
    theme.apply(chart);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
  }

  static void flatBars(BarRenderer renderer) {
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setItemMargin(0.05);
  }

  /** Tick labels in the fixed locale, never the platform's. */
  static void rootLocaleTicks(ValueAxis axis, String pattern) {
    if (axis instanceof org.jfree.chart.axis.NumberAxis) {
      ((org.jfree.chart.axis.NumberAxis) axis).setNumberFormatOverride(format(pattern));
    } else if (axis instanceof org.jfree.chart.axis.LogAxis) {
      ((org.jfree.chart.axis.LogAxis) axis).setNumberFormatOverride(format(pattern));
    }
  }

  static NumberFormat format(String pattern) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
  }
}
