package dev.shadowbench.ui.charts;

import dev.shadowbench.core.chart.Plot;
import dev.shadowbench.core.report.PlotSvg;
import dev.shadowbench.core.workspace.OutputFile;
import dev.shadowbench.ui.common.MainViewModel;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

/**
 * Saves a chart as PNG (what is on screen, snapshot on the FX thread, encoded and written off it) or SVG (the same
 * {@link Plot} written by the report's {@link PlotSvg}, in the current theme's colours). The file is written by
 * {@link OutputFile}: never over the open workspace or another DuckDB file.
 */
public final class ChartExport {
    private ChartExport() {}

    /** Wires {@code view}'s context menu to save through {@code main}'s dialogs and tasks; {@code name} is the file's stem. */
    public static void install(PlotView view, MainViewModel main, String name) {
        view.setOnExport(p -> png(view, main, name), p -> svg(p, main, name));
    }

    private static void png(PlotView view, MainViewModel main, String name) {
        main.dialogs()
                .chooseSaveFile("Export chart as PNG", name + ".png", "png")
                .ifPresent(path -> {
                    WritableImage img = view.canvas().snapshot(null, null);
                    int w = (int) img.getWidth(), h = (int) img.getHeight();
                    int[] argb = new int[w * h];
                    PixelReader r = img.getPixelReader();
                    r.getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
                    String bg = dev.shadowbench.core.chart.Palette.background(
                            ChartPalette.darkProperty().get());
                    int background = Integer.parseInt(bg.substring(1), 16);
                    save(main, path, "PNG", out -> {
                        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                        for (int i = 0; i < argb.length; i++) argb[i] = over(argb[i], background);
                        bi.setRGB(0, 0, w, h, argb, 0, w);
                        javax.imageio.ImageIO.write(bi, "png", out);
                    });
                });
    }

    private static void svg(Plot p, MainViewModel main, String name) {
        boolean dark = ChartPalette.darkProperty().get();
        main.dialogs()
                .chooseSaveFile("Export chart as SVG", name + ".svg", "svg")
                .ifPresent(path -> save(
                        main,
                        path,
                        "SVG",
                        out -> out.write(PlotSvg.file(p, dark).getBytes(StandardCharsets.UTF_8))));
    }

    private static void save(MainViewModel main, Path path, String kind, OutputFile.Content content) {
        Path ws = main.workspace() == null ? null : main.workspace().file();
        main.tasks()
                .task("Saving the chart as " + kind, sink -> OutputFile.write(path, ws, content))
                .onFailure(ex -> main.dialogs().showError("Chart not saved", ex.getMessage(), ex))
                .start();
    }

    /** A canvas pixel (transparent where nothing was drawn) over the theme's page colour. */
    private static int over(int argb, int rgb) {
        int a = argb >>> 24;
        if (a == 255) return argb & 0xffffff;
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            int f = (argb >> shift) & 0xff, b = (rgb >> shift) & 0xff;
            out |= ((f * a + b * (255 - a)) / 255) << shift;
        }
        return out;
    }
}
