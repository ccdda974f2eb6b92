/** Tests of the operational surface: health probes and metrics. */
package app.cairn.operations;
