/**
 * Static HTML reports shared by Crest's tools: build an {@link dev.crest.report.HtmlReport} from
 * {@link dev.crest.report.Section}s of paragraphs, code, {@link dev.crest.report.Table}s and charts, then
 * {@link dev.crest.report.HtmlReport#writeTo(java.nio.file.Path) write} it to a folder.
 *
 * <p>Output: one {@code index.html} that works offline and from {@code file://} (inline CSS, no JavaScript,
 * a Content-Security-Policy that forbids scripts and network fetches), plus a CSV file per table that asks
 * for one. Charts are <em>inline SVG</em> inside the page, not separate files, so a report is a single
 * file to mail or attach, stays sharp when zoomed or printed, and needs no relative links that break when
 * the page is moved. The markup is polyglot HTML (also well-formed XML). This module depends on no other
 * Crest module.
 */
package dev.crest.report;
