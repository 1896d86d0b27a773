/** Practice tenant (Entra simulator) channels (issue 3). */
export const simulatorChannels = {} as const;
