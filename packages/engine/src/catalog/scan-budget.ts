// A scan spends CJ points (listV2 50, product/query 10, freight 10). The budget is checked before
// each call so a run stops cleanly at its limit instead of failing half-way through a product.
export class ScanBudget {
  private spentPoints = 0;
  private calls = 0;

  constructor(readonly limit: number) {}

  canSpend(points: number): boolean {
    return this.spentPoints + points <= this.limit;
  }

  spend(points: number): void {
    this.spentPoints += points;
    this.calls++;
  }

  get points(): number {
    return this.spentPoints;
  }

  get callCount(): number {
    return this.calls;
  }

  get remaining(): number {
    return this.limit - this.spentPoints;
  }
}
