package dev.shadowbench.ui.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The icon files the window and the installers use: present, and each of the size it claims. */
class AppIconTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void everyWindowIconSizeIsOnTheClasspathAtThatSize() throws IOException {
        for (int size : ShadowbenchApp.WINDOW_ICON_SIZES) {
            String name = "/dev/shadowbench/ui/icons/shadowbench-" + size + ".png";
            try (InputStream in = ShadowbenchApp.class.getResourceAsStream(name)) {
                assertNotNull(in, name + " is missing: run icons/build-icons.sh");
                BufferedImage image = ImageIO.read(in);
                assertEquals(size, image.getWidth(), name);
                assertEquals(size, image.getHeight(), name);
            }
        }
    }

    @Test
    void icnsHoldsOnePngChunkPerAppleTypeAtItsSize() throws IOException {
        ByteBuffer icns = ByteBuffer.wrap(Files.readAllBytes(Path.of("icons/shadowbench.icns")))
                .order(ByteOrder.BIG_ENDIAN);
        assertEquals("icns", type(icns, 0));
        assertEquals(icns.capacity(), icns.getInt(4), "declared length");
        List<String> types = new ArrayList<>();
        int at = 8;
        while (at < icns.capacity()) {
            String type = type(icns, at);
            int length = icns.getInt(at + 4);
            types.add(type);
            assertEquals(expectedPixels(type), pngWidth(icns, at + 8), type);
            at += length;
        }
        assertEquals(icns.capacity(), at, "chunks fill the file exactly");
        assertEquals(
                List.of("icp4", "icp5", "icp6", "ic07", "ic08", "ic09", "ic10", "ic11", "ic12", "ic13", "ic14"), types);
    }

    @Test
    void icoListsTheWindowsSizes() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(Path.of("icons/shadowbench.ico")))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, ico.getShort(0));
        assertEquals(1, ico.getShort(2), "type 1 = icon");
        int count = ico.getShort(4);
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) {
            int width = Byte.toUnsignedInt(ico.get(6 + 16 * i));
            sizes[i] = width == 0 ? 256 : width; // the ICO directory writes 256 as 0
        }
        assertArrayEquals(new int[] {16, 24, 32, 48, 64, 128, 256}, sizes);
    }

    private static String type(ByteBuffer b, int at) {
        byte[] t = new byte[4];
        b.get(at, t);
        return new String(t, StandardCharsets.US_ASCII);
    }

    private static int pngWidth(ByteBuffer b, int at) {
        byte[] magic = new byte[8];
        b.get(at, magic);
        assertArrayEquals(PNG_MAGIC, magic, "PNG payload");
        return b.getInt(at + 16); // IHDR width follows the 8-byte magic and the chunk's length + "IHDR"
    }

    private static int expectedPixels(String type) {
        return switch (type) {
            case "icp4" -> 16;
            case "icp5", "ic11" -> 32;
            case "icp6", "ic12" -> 64;
            case "ic07" -> 128;
            case "ic08", "ic13" -> 256;
            case "ic09", "ic14" -> 512;
            case "ic10" -> 1024;
            default -> throw new AssertionError("unexpected icns type " + type);
        };
    }
}
