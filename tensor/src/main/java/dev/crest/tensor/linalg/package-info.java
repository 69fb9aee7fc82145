/**
 * Dense linear-algebra building blocks for the kernels and layers: row-major GEMM on top of a (native when
 * available) BLAS ({@link dev.crest.tensor.linalg.Blas}) and the im2col/col2im unfolding
 * ({@link dev.crest.tensor.linalg.Im2Col}, shaped by {@link dev.crest.tensor.linalg.ConvGeometry}) that turns
 * convolutions into matrix products.
 */
package dev.crest.tensor.linalg;
