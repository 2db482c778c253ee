/** The networks and their numerics on ND4J: generator and discriminators at 64 px, batch norm, spectral norm, Adam, convolutions and tensor files. */
package org.ganbench.model;
