export function installMock(): void {}
