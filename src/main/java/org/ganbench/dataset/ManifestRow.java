package org.ganbench.dataset;

/**
 * One face of a dataset, one line of {@code manifest.csv}.
 *
 * @param face         file name under {@code faces/}
 * @param source       source image, relative to the input folder, with '/' separators
 * @param detection    the detector's box in the source image (the whole image for imported faces)
 * @param crop         the square region cut out (may reach outside the source, where it was padded)
 * @param sourceSha256 SHA-256 of the source file
 * @param phash        perceptual hash of the face, 16 hex digits
 * @param duplicateOf  the face this one nearly duplicates, or "" for none
 */
public record ManifestRow(String face, String source, FaceBox detection, FaceBox crop, String sourceSha256,
                          String phash, String duplicateOf) {

    public boolean isDuplicate() {
        return !duplicateOf.isEmpty();
    }

    public ManifestRow withDuplicateOf(String original) {
        return new ManifestRow(face, source, detection, crop, sourceSha256, phash, original);
    }
}
