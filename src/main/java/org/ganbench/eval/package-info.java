/** Metrics of generated faces against real ones (SWD, MS-SSIM, random-network FD/KID/PRDC, memorisation, birthday check, synthetic modes), run evaluation and eval.json. */
package org.ganbench.eval;
