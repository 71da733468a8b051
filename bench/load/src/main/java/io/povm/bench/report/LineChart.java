// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A PNG line chart drawn with java.awt (headless): axes from zero, ticks, one coloured line and legend per series. */
public final class LineChart {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;
    private static final int LEFT = 70;
    private static final int RIGHT = 260;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final int TICKS = 5;
    private static final Color[] COLOURS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)
    };

    private final String title;
    private final String xLabel;
    private final String yLabel;

    public LineChart(final String title, final String xLabel, final String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public void write(final List<Series> series, final Path file) {
        System.setProperty("java.awt.headless", "true");
        final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            final double maxX = niceMax(series.stream()
                    .flatMap(s -> s.points().stream())
                    .mapToDouble(p -> p[0])
                    .max());
            final double maxY = niceMax(series.stream()
                    .flatMap(s -> s.points().stream())
                    .mapToDouble(p -> p[1])
                    .max());
            axes(g, maxX, maxY);
            for (int i = 0; i < series.size(); i++) {
                line(g, series.get(i), COLOURS[i % COLOURS.length], maxX, maxY, i);
            }
        } finally {
            g.dispose();
        }
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static double niceMax(final java.util.OptionalDouble max) {
        final double value = max.orElse(1);
        if (value <= 0) {
            return 1;
        }
        final double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private void axes(final Graphics2D g, final double maxX, final double maxY) {
        final int plotW = WIDTH - LEFT - RIGHT;
        final int plotH = HEIGHT - TOP - BOTTOM;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, TOP - 15);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        g.drawLine(LEFT, TOP, LEFT, TOP + plotH);
        for (int i = 0; i <= TICKS; i++) {
            final int x = LEFT + plotW * i / TICKS;
            final int y = TOP + plotH - plotH * i / TICKS;
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT + 1, y, LEFT + plotW, y);
            g.setColor(Color.BLACK);
            g.drawString(format(maxX * i / TICKS), x - 10, TOP + plotH + 18);
            g.drawString(format(maxY * i / TICKS), LEFT - 45, y + 4);
        }
        g.drawString(xLabel, LEFT + plotW / 2 - 40, HEIGHT - 15);
        g.drawString(yLabel, 5, TOP - 2);
    }

    private void line(
            final Graphics2D g,
            final Series series,
            final Color colour,
            final double maxX,
            final double maxY,
            final int index) {
        final int plotW = WIDTH - LEFT - RIGHT;
        final int plotH = HEIGHT - TOP - BOTTOM;
        g.setColor(colour);
        g.setStroke(new BasicStroke(2f));
        int lastX = -1;
        int lastY = -1;
        for (double[] point : series.points()) {
            final int x = LEFT + (int) Math.round(plotW * point[0] / maxX);
            final int y = TOP + plotH - (int) Math.round(plotH * point[1] / maxY);
            g.fillOval(x - 3, y - 3, 7, 7);
            if (lastX >= 0) {
                g.drawLine(lastX, lastY, x, y);
            }
            lastX = x;
            lastY = y;
        }
        final int legendY = TOP + 10 + 20 * index;
        g.drawLine(WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 35, legendY);
        g.setColor(Color.BLACK);
        g.drawString(series.name(), WIDTH - RIGHT + 40, legendY + 4);
    }

    private static String format(final double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
