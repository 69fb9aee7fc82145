#!/usr/bin/env bash
# Installs what the benchmark baselines and data need on a Debian machine (run as root):
#   python3-numpy + libopenblas0-pthread  NumPy's matmul on OpenBLAS (the GEMM baseline); the same OpenBLAS is
#                                         the native BLAS Crest's netlib layer then loads through JNI
#   python3-threadpoolctl                 records which BLAS and how many threads NumPy ran
#   dataset-fashion-mnist                 the images both sides of the MLP benchmark train on
#   python3-sklearn                       LassoCV, a baseline of the LASSO benchmark (bench/lasso.sh)
#   r-cran-glmnet                         cv.glmnet, the other LASSO baseline (run with Rscript)
# PyTorch comes from Maven (DJL's pytorch-native-cpu jar), nothing to install here.
set -euo pipefail
apt-get update -q
apt-get install -y -q python3-numpy libopenblas0-pthread python3-threadpoolctl dataset-fashion-mnist \
  python3-sklearn r-cran-glmnet
