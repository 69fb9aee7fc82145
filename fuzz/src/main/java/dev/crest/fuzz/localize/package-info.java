/**
 * Bug localization: {@link dev.crest.fuzz.localize.Localizer} narrows an inconsistency down to the first node whose
 * output diverges between the two runs of the diverging pair (every intermediate value exposed as a graph output by
 * {@link dev.crest.fuzz.localize.ExposedModel}), or a crash or exception down to the node the backend's error
 * message names, and records the result as a {@link dev.crest.fuzz.localize.Localization}.
 */
package dev.crest.fuzz.localize;
