/** Metrics of generated faces against real ones (SWD, MS-SSIM, random-network FD/KID/PRDC, memorisation, birthday check, synthetic modes) and eval.json; also, until they move, experiment jobs and reports. */
package org.ganbench.eval;
