package dev.shadowbench.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * .npy arrays as numpy 2.4 writes them: each fixture is base64 of {@code np.save(buf, a)} (or
 * {@code np.lib.format.write_array(buf, a, version=(2, 0))}) for the array named beside it.
 */
class NpyArrayTest {
    private static List<String> read(String base64) throws NpyArray.NotNpy {
        return NpyArray.predictions(Base64.getDecoder().decode(base64));
    }

    @Test
    void littleEndianFloat32() throws Exception {
        // np.array([0.5, -1.25], dtype='<f4')
        assertEquals(
                List.of("0.5", "-1.25"),
                read("k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAg"
                        + "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAA/AACgvw=="));
    }

    @Test
    void bigEndianFloat64RowsGiveTheirFirstValue() throws Exception {
        // np.array([[2.5, 9.0], [3.5, 8.0]], dtype='>f8')
        assertEquals(
                List.of("2.5", "3.5"),
                read("k05VTVBZAQB2AHsnZGVzY3InOiAnPmY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDIpLCB9ICAg"
                        + "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIApABAAAAAAAAEAiAAAAAAAAQAwA"
                        + "AAAAAABAIAAAAAAAAA=="));
    }

    @Test
    void integersOfBothByteOrders() throws Exception {
        // np.array([7, -8, 9], dtype='<i8')
        assertEquals(
                List.of("7", "-8", "9"),
                read("k05VTVBZAQB2AHsnZGVzY3InOiAnPGk4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAg"
                        + "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoHAAAAAAAAAPj/////////CQAA"
                        + "AAAAAAA="));
        // np.array([1, 2], dtype='>i4')
        assertEquals(
                List.of("1", "2"),
                read("k05VTVBZAQB2AHsnZGVzY3InOiAnPmk0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAg"
                        + "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAABAAAAAg=="));
    }

    @Test
    void fortranOrderTakesTheFirstColumn() throws Exception {
        // np.asfortranarray(np.array([[1, 2], [3, 4]], dtype='<u2'))
        assertEquals(
                List.of("1", "3"),
                read("k05VTVBZAQB2AHsnZGVzY3InOiAnPHUyJywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMiksIH0gICAg"
                        + "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAAMAAgAEAA=="));
    }

    @Test
    void scalarBoolAndVersion2() throws Exception {
        // np.array(0.75): a 0-d array is one instance
        assertEquals(
                List.of("0.75"),
                read("k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKCksIH0gICAgICAg"
                        + "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAADoPw=="));
        // np.array([True, False])
        assertEquals(
                List.of("1", "0"),
                read("k05VTVBZAQB2AHsnZGVzY3InOiAnfGIxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAg"
                        + "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAA=="));
        // np.array([4.5]) written with format version (2, 0): a 4-byte header length
        assertEquals(
                List.of("4.5"),
                read("k05VTVBZAgB0AAAAeydkZXNjcic6ICc8ZjgnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoMSwpLCB9ICAg"
                        + "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAASQA=="));
    }

    @Test
    void whatIsNotANumericArrayIsRefusedWithItsReason() {
        // np.array(['a', 'b']): unicode strings
        NpyArray.NotNpy text = assertThrows(
                NpyArray.NotNpy.class,
                () -> read(
                        "k05VTVBZAQB2AHsnZGVzY3InOiAnPFUxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAg"
                                + "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAphAAAAYgAAAA=="));
        assertTrue(text.getMessage().contains("dtype"), text.getMessage());
        byte[] cut = Base64.getDecoder()
                .decode(
                        "k05VTVBZAQB2AHsnZGVzY3InOiAnPGk4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAg"
                                + "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoHAAAAAAAAAPj/////////CQAA"
                                + "AAAAAAA=");
        NpyArray.NotNpy shortData =
                assertThrows(NpyArray.NotNpy.class, () -> NpyArray.predictions(Arrays.copyOf(cut, cut.length - 3)));
        assertTrue(shortData.getMessage().contains("bytes"), shortData.getMessage());
        assertThrows(NpyArray.NotNpy.class, () -> NpyArray.predictions(new byte[] {(byte) 0x80, (byte) 0xff, 0}));
    }
}
