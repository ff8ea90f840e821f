/**
 * The one stylesheet of the public pages, served from the section itself (the CSP allows styles only
 * from 'self'), addressed by its content hash so browsers keep it for a year. Colours meet WCAG 2.1 AA
 * contrast; the `vi` classes are the version for the visually impaired (ГОСТ Р 52872-2019).
 */
import { createHash } from 'node:crypto';

export const STYLESHEET = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font-family:"PT Sans",Arial,"Helvetica Neue",sans-serif;line-height:1.55;color:#1b1b1b;background:#fff}
.container{max-width:68rem;margin:0 auto;padding:0 1rem}
a{color:#0b4f9c;text-decoration:underline;text-underline-offset:.15em}
a:hover{color:#06325f;text-decoration-thickness:.15em}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,main:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px;box-shadow:0 0 0 6px #ffdd00}
main:focus{outline:none}
.skip-link{position:absolute;left:-9999px;top:0;background:#ffdd00;color:#1b1b1b;padding:.5rem 1rem;z-index:10}
.skip-link:focus{left:1rem}
.site-header{background:#0b3d73;color:#fff}
.site-header a{color:#fff}
.site-header a:focus-visible{outline-color:#fff;box-shadow:0 0 0 6px #1b1b1b}
.header-row{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem}
.site-name{font-weight:700;font-size:1.15rem;margin:.75rem 0}
.vi-switch{margin:.75rem 0}
.section-nav{background:#082e57}
.section-nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0 auto;padding-top:.5rem;padding-bottom:.5rem}
.section-nav a{text-decoration:none;padding:.25rem 0;display:inline-block}
.section-nav a[aria-current=page]{text-decoration:underline;text-decoration-thickness:.2em;font-weight:700}
.breadcrumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:1rem 0 0}
.breadcrumbs li+li::before{content:"›";margin-right:.5rem;color:#595959}
main{display:block;padding-top:1rem;padding-bottom:2rem}
h1{font-size:2rem;line-height:1.2;margin:1rem 0}
h2{font-size:1.5rem;line-height:1.25;margin:2rem 0 .75rem}
h3{font-size:1.2rem;margin:1.5rem 0 .5rem}
.subtitle{display:block;font-size:1.1rem;font-weight:400;color:#3d3d3d;margin-top:.35rem}
.muted{color:#595959}
.lead{font-size:1.15rem}
.notice{border-left:5px solid #b35900;padding:.5rem 1rem;background:#fff4e5}
.button{display:inline-block;background:#00703c;color:#fff;padding:.6rem 1.2rem;text-decoration:none;font-weight:700;border-radius:3px}
.button:hover{background:#005a30;color:#fff}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.95rem}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border:1px solid #b1b4b6;padding:.4rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f3f2f1}
tbody th{font-weight:400}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dl.facts dt{font-weight:700}
dl.facts dd{margin:0}
.status{font-weight:700}
.status-done{color:#00703c}
.status-overdue{color:#b10e1e}
.status-progress{color:#0b4f9c}
.status-planned,.status-cancelled{color:#3d3d3d}
.evidence{display:block}
.progress-line{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem}
progress{width:14rem;height:1rem}
.org-tree{padding-left:1.25rem}
.org-tree .org-tree{margin:.25rem 0 .5rem}
.cards{list-style:none;padding:0;display:grid;gap:1rem}
.card{border:1px solid #b1b4b6;padding:0 1rem .5rem}
.card h2{font-size:1.25rem;margin-top:1rem}
.news-image{max-width:100%;height:auto;display:block;margin:.5rem 0}
.rich-text img{max-width:100%;height:auto}
.chart{display:block;max-width:100%;height:auto;margin:.5rem 0}
.bar-target{fill:#b1b4b6}
.bar-actual{fill:#0b4f9c}
.chart-label{font-size:12px;fill:#1b1b1b}
.legend-target::before,.legend-actual::before{content:"";display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em}
.legend-target::before{background:#b1b4b6}
.legend-actual::before{background:#0b4f9c}
.search-form{border:1px solid #b1b4b6;padding:.5rem 1rem;margin:1rem 0;display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:0 1rem}
.search-form .field{display:flex;flex-direction:column;gap:.25rem;margin:.5rem 0}
.search-form label{font-weight:700}
input,select,button{font:inherit}
input[type=search],select{border:2px solid #1b1b1b;padding:.35rem .5rem;background:#fff;color:#1b1b1b;max-width:100%}
button{background:#00703c;color:#fff;border:2px solid transparent;padding:.45rem 1.2rem;font-weight:700;cursor:pointer;border-radius:3px}
button:hover{background:#005a30}
mark{background:#fff2a8;color:#1b1b1b;padding:0 .1em}
html.vi button{background:transparent;color:inherit;border-color:currentColor}
html.vi input[type=search],html.vi select{background:transparent;color:inherit;border-color:currentColor}
html.vi mark{background:transparent;color:inherit;text-decoration:underline;text-decoration-thickness:.2em;font-weight:700}
html.vi-scheme-wb option{background:#000;color:#fff}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.trap{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
form .field{margin:1rem 0;max-width:40rem}
form .field>label,fieldset legend{display:block;font-weight:700;margin-bottom:.25rem}
fieldset{border:0;padding:0}
input[type=text],input[type=email],input[type=tel],input[type=date],textarea{width:100%;border:2px solid #1b1b1b;padding:.4rem .5rem;font:inherit;background:#fff;color:#1b1b1b}
.radio,.checkbox{display:flex;align-items:flex-start;gap:.5rem;margin:.35rem 0}
.checkbox{flex-wrap:wrap}
.checkbox .field-error{flex-basis:100%}
.radio input,.checkbox input{width:1.4rem;height:1.4rem;margin:.1rem 0 0}
.radio label,.checkbox label{font-weight:400}
.hint{color:#595959;margin:.1rem 0 .3rem}
.field-invalid{border-left:5px solid #b10e1e;padding-left:.75rem}
.field-invalid input,.field-invalid select,.field-invalid textarea{border-color:#b10e1e}
.field-error{color:#b10e1e;font-weight:700;margin:.2rem 0}
.error-summary{border:4px solid #b10e1e;padding:.5rem 1rem;margin:1rem 0}
.error-summary a{color:#b10e1e;font-weight:700}
.notice-success{border:4px solid #00703c;padding:.5rem 1rem;margin:1rem 0}
html.vi input[type=text],html.vi input[type=email],html.vi input[type=tel],html.vi input[type=date],html.vi textarea{background:transparent;color:inherit;border-color:currentColor}
html.vi .field-error,html.vi .error-summary a,html.vi .hint{color:inherit}
html.vi .error-summary,html.vi .notice-success,html.vi .field-invalid{border-color:currentColor}
.site-footer{border-top:1px solid #b1b4b6;background:#f3f2f1;padding:1rem 0;font-size:.95rem}
.vi-panel{display:flex;flex-wrap:wrap;gap:.5rem 2rem;padding:.5rem 0 .75rem}
.vi-group{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;margin:0}
.vi-group ul{list-style:none;display:flex;gap:.5rem;margin:0;padding:0}
.vi-group a{display:inline-block;padding:.15rem .5rem;border:2px solid currentColor;text-decoration:none}
.vi-group a[aria-current=true]{text-decoration:underline;text-decoration-thickness:.2em}
html.vi{letter-spacing:.05em}
html.vi body{line-height:1.7}
html.vi-size-1{font-size:125%}
html.vi-size-2{font-size:150%}
html.vi-size-3{font-size:187.5%}
html.vi .container{max-width:none}
html.vi-scheme-bw body,html.vi-scheme-bw .site-header,html.vi-scheme-bw .section-nav,html.vi-scheme-bw .site-footer,html.vi-scheme-bw thead th,html.vi-scheme-bw .notice{background:#fff;color:#000}
html.vi-scheme-bw a,html.vi-scheme-bw .site-header a,html.vi-scheme-bw .muted,html.vi-scheme-bw .subtitle,html.vi-scheme-bw .status{color:#000}
html.vi-scheme-wb body,html.vi-scheme-wb .site-header,html.vi-scheme-wb .section-nav,html.vi-scheme-wb .site-footer,html.vi-scheme-wb thead th,html.vi-scheme-wb .notice{background:#000;color:#fff}
html.vi-scheme-wb a,html.vi-scheme-wb .site-header a,html.vi-scheme-wb .muted,html.vi-scheme-wb .subtitle,html.vi-scheme-wb .status{color:#fff}
html.vi-scheme-blue body,html.vi-scheme-blue .site-header,html.vi-scheme-blue .section-nav,html.vi-scheme-blue .site-footer,html.vi-scheme-blue thead th,html.vi-scheme-blue .notice{background:#9dd1ff;color:#063462}
html.vi-scheme-blue a,html.vi-scheme-blue .site-header a,html.vi-scheme-blue .muted,html.vi-scheme-blue .subtitle,html.vi-scheme-blue .status{color:#063462}
html.vi th,html.vi td,html.vi .card{border-color:currentColor}
html.vi .button{background:transparent;color:inherit;border:2px solid currentColor}
html.vi-scheme-wb a:focus-visible,html.vi-scheme-wb main:focus-visible{outline-color:#fff;box-shadow:0 0 0 6px #ffdd00}
html.vi-scheme-wb .chart-label{fill:#fff}
html.vi-scheme-blue .chart-label{fill:#063462}
html.vi-noimg img{display:none}
.embedded{display:none}
.preview-banner{margin:0;padding:.5rem 1rem;background:#fff4c2;color:#1b1b1b;border-bottom:2px solid #8a6d00;font-weight:bold}
.previewed{outline:3px dashed #8a6d00;outline-offset:.5rem}
.preview-mark{display:inline-block;margin:0 0 .5rem;padding:.25rem .5rem;background:#fff4c2;color:#1b1b1b;font-weight:bold}
@media print{
.site-header,.section-nav,.skip-link,.vi-switch,.vi-panel,.site-footer,.breadcrumbs{display:none}
body{font-size:11pt;color:#000;background:#fff}
main{padding:0}
.container{max-width:none;padding:0}
a{color:#000}
main a[href^="http"]::after{content:" (" attr(href) ")";font-size:90%}
table{page-break-inside:auto}
tr,h2,h3{page-break-inside:avoid}
progress{display:none}
}
`.trim();

export const STYLESHEET_HASH = createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 12);
