/** Injected time source (epoch ms). Domain code never reads the system clock itself. */
export type Clock = () => number;
