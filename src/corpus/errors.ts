/** A build failure that names the file and the entry at fault. */
export class PackBuildError extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(`${where}: ${message}`);
    this.name = 'PackBuildError';
  }
}
