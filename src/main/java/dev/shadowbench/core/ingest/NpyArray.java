package dev.shadowbench.core.ingest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NumPy {@code .npy} array (format versions 1 to 3) as a model response carries it ({@code application/x-npy}):
 * the header's dtype (bool, int, uint, float; little or big endian), shape and order, and one prediction per instance
 * (the first value of each row along the first axis; a 0-d or 1-d array's values are the instances themselves).
 */
final class NpyArray {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([biuf])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** Why bytes are not a readable .npy array. */
    static final class NotNpy extends Exception {
        NotNpy(String reason) {
            super(reason, null, false, false);
        }
    }

    private NpyArray() {}

    /** True when the bytes start with the .npy magic string. */
    static boolean looksLikeNpy(byte[] b) {
        if (b.length < MAGIC.length) return false;
        for (int i = 0; i < MAGIC.length; i++) if (b[i] != MAGIC[i]) return false;
        return true;
    }

    /** The predictions of an .npy array, one per instance, as text DuckDB casts to a number. */
    static List<String> predictions(byte[] b) throws NotNpy {
        if (!looksLikeNpy(b)) throw new NotNpy("no .npy magic string");
        if (b.length < 10) throw new NotNpy("truncated header");
        int major = b[6] & 0xff;
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen, start;
        if (major == 1) {
            headerLen = buf.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (b.length < 12) throw new NotNpy("truncated header");
            headerLen = buf.getInt(8);
            start = 12;
        } else {
            throw new NotNpy("unknown .npy format version " + major);
        }
        if (headerLen < 0 || start + (long) headerLen > b.length) throw new NotNpy("truncated header");
        String header =
                new String(b, start, headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        if (!d.find()) throw new NotNpy("dtype is not a number type (header " + header.strip() + ")");
        char order = d.group(1).charAt(0), kind = d.group(2).charAt(0);
        int size = Integer.parseInt(d.group(3));
        if (!fits(kind, size)) throw new NotNpy("unsupported dtype " + d.group(1) + kind + size);
        Matcher f = FORTRAN.matcher(header), s = SHAPE.matcher(header);
        if (!f.find() || !s.find()) throw new NotNpy("header without fortran_order or shape");
        boolean fortran = f.group(1).equals("True");
        List<Long> shape = new ArrayList<>();
        for (String part : s.group(1).split(",")) {
            if (part.isBlank()) continue;
            try {
                shape.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw new NotNpy("shape is not a list of sizes: (" + s.group(1) + ")");
            }
        }
        long total = 1;
        for (long n : shape) {
            if (n < 0) throw new NotNpy("negative size in shape");
            total = Math.multiplyExact(total, n);
        }
        int data = start + headerLen;
        if (total * size > b.length - data) {
            throw new NotNpy("data holds " + (b.length - data) + " bytes, shape and dtype need " + total * size);
        }
        long rows = shape.isEmpty() ? 1 : shape.get(0);
        long width = rows == 0 ? 0 : total / rows;
        buf.order(order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        List<String> out = new ArrayList<>();
        for (long i = 0; i < rows; i++) {
            // the first value of row i: C order stores rows one after the other, Fortran order the first axis fastest
            long index = fortran ? i : i * width;
            out.add(value(buf, data + (int) (index * size), kind, size));
        }
        return out;
    }

    private static boolean fits(char kind, int size) {
        return switch (kind) {
            case 'f' -> size == 4 || size == 8;
            case 'b' -> size == 1;
            default -> size == 1 || size == 2 || size == 4 || size == 8;
        };
    }

    private static String value(ByteBuffer buf, int at, char kind, int size) {
        return switch (kind) {
            case 'f' -> size == 4 ? Float.toString(buf.getFloat(at)) : Double.toString(buf.getDouble(at));
            case 'b' -> buf.get(at) != 0 ? "1" : "0";
            case 'u' ->
                switch (size) {
                    case 1 -> Integer.toString(buf.get(at) & 0xff);
                    case 2 -> Integer.toString(buf.getShort(at) & 0xffff);
                    case 4 -> Long.toString(buf.getInt(at) & 0xffffffffL);
                    default -> Long.toUnsignedString(buf.getLong(at));
                };
            default ->
                switch (size) {
                    case 1 -> Integer.toString(buf.get(at));
                    case 2 -> Integer.toString(buf.getShort(at));
                    case 4 -> Integer.toString(buf.getInt(at));
                    default -> Long.toString(buf.getLong(at));
                };
        };
    }
}
