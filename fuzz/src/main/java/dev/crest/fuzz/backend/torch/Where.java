package dev.crest.fuzz.backend.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/** torch.where with broadcasting (DJL's generic {@code NDArrays.where} refuses shapes that differ). */
final class Where {
    private Where() {
    }

    static NDArray of(NDArray condition, NDArray x, NDArray y) {
        return JniUtils.where((PtNDArray) condition, (PtNDArray) x, (PtNDArray) y);
    }
}
