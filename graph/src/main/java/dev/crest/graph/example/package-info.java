/** Generators for the example models shipped in the repository's {@code examples/} folder. */
package dev.crest.graph.example;
