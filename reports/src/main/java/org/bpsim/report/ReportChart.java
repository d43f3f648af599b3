package org.bpsim.report;

import org.jfree.chart.JFreeChart;

/**
 * One chart of a report, with what the page says about it.
 *
 * @param name file name stem of its SVG (also the prefix of its ids in the page)
 * @param caption one sentence under the chart in the page
 * @param chart the chart itself
 * @param width its width in pixels
 * @param height its height in pixels
 */
public record ReportChart(String name, String caption, JFreeChart chart, int width, int height) {

  public String fileName() {
    return name + ".svg";
  }
}
