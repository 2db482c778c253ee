/** Face datasets: importing and cropping illustrations (OpenCV cascade), the dataset folder and its manifest, duplicate hashes, and loading faces into a FaceSet. */
package org.ganbench.dataset;
