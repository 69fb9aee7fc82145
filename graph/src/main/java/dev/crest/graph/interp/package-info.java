/** The reference interpreter, which runs a model node by node on Crest's kernels. */
package dev.crest.graph.interp;
