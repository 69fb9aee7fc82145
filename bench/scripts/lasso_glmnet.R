# glmnet side of the LASSO benchmark (dev.crest.bench.lasso.LassoBenchmark).
# Usage: Rscript lasso_glmnet.R X Y FOLDS ROWS COLUMNS OUTCOMES FIT_OUTCOMES THREADS CHECK_LAMBDAS_FILE CHECK_OUTCOME
# Reads the design (float64 little-endian, column-major), the outcomes and each row's fold (int32), then runs
# cv.glmnet per outcome column on those folds -- 100 lambdas down to 1e-3 of lambda_max, an intercept,
# standardize = FALSE: the problem Crest and scikit-learn solve -- over THREADS forked workers (glmnet itself is
# single-threaded). Also fits the full data along the given lambda sequence with a tight threshold and reports
# the coefficients at its last value, for the accuracy comparison. Prints one JSON object.
suppressMessages(library(glmnet))
suppressMessages(library(parallel))
a <- commandArgs(trailingOnly = TRUE)
rows <- as.integer(a[4]); columns <- as.integer(a[5]); outcomes <- as.integer(a[6])
fit.outcomes <- as.integer(a[7]); threads <- as.integer(a[8]); check.outcome <- as.integer(a[10])
x <- matrix(readBin(a[1], "double", rows * columns, size = 8, endian = "little"), rows, columns)
y <- matrix(readBin(a[2], "double", rows * outcomes, size = 8, endian = "little"), rows, outcomes)
folds <- readBin(a[3], "integer", rows, size = 4, endian = "little") + 1L
check.lambdas <- readBin(a[9], "double", 100000, size = 8, endian = "little")

one <- function(q) {
  start <- proc.time()[["elapsed"]]
  fit <- cv.glmnet(x, y[, q], foldid = folds, nlambda = 100, lambda.min.ratio = 1e-3, standardize = FALSE,
                   intercept = TRUE)
  list(seconds = proc.time()[["elapsed"]] - start, lambda.min = fit$lambda.min, lambda.1se = fit$lambda.1se,
       path = length(fit$lambda))
}
start <- proc.time()[["elapsed"]]
results <- mclapply(seq_len(fit.outcomes), one, mc.cores = threads)
total <- proc.time()[["elapsed"]] - start

check <- glmnet(x, y[, check.outcome + 1L], lambda = check.lambdas, standardize = FALSE, intercept = TRUE,
                thresh = 1e-14, maxit = 1e7)
beta <- as.numeric(coef(check)[-1, length(check.lambdas)])
num <- function(v) paste(format(v, digits = 17, scientific = TRUE), collapse = ",")
cat(sprintf('{"version":"%s","total_seconds":%.6f,"seconds":[%s],"lambda_min":[%s],"lambda_1se":[%s],"path":[%s],"check_coefficients":[%s],"check_intercept":%s}\n',
            as.character(packageVersion("glmnet")), total,
            num(sapply(results, `[[`, "seconds")), num(sapply(results, `[[`, "lambda.min")),
            num(sapply(results, `[[`, "lambda.1se")), paste(sapply(results, `[[`, "path"), collapse = ","),
            num(beta), num(coef(check)[1, length(check.lambdas)])))
