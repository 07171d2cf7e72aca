ALTER TABLE "stock_movements" ALTER COLUMN "on_hand_after" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "stock_movements" ALTER COLUMN "reserved_after" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_levels_after" CHECK (("stock_movements"."on_hand_after" is not null and "stock_movements"."reserved_after" is not null) or "stock_movements"."kind" = 'reserve');--> statement-breakpoint
-- The low-stock threshold rule, the one place it is written (domain/inventory/threshold.ts calls
-- it): the stock level's own threshold, else the SKU's, else the store default from settings
-- (a non-numeric value is ignored rather than failing every stock change), else 10.
CREATE FUNCTION low_stock_threshold(p_level_threshold integer, p_sku_id bigint) RETURNS integer
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    p_level_threshold,
    (SELECT s.low_stock_threshold FROM skus s WHERE s.id = p_sku_id),
    (SELECT CASE WHEN jsonb_typeof(st.value) = 'number' THEN (st.value #>> '{}')::numeric::int END
       FROM settings st WHERE st.key = 'low_stock_default_threshold'),
    10)
$$;
--> statement-breakpoint
-- Raises a low-stock alert when available is at or below the threshold and the level has no
-- unresolved alert (an acknowledged one included, so acknowledging silences the episode).
-- Returns 1 when it raised one, else null. Used by every stock change (apply-stock-change.ts and
-- the commit-time reservation below).
CREATE FUNCTION raise_low_stock_alert(p_sku_id bigint, p_warehouse_id bigint, p_available integer, p_threshold integer) RETURNS integer
LANGUAGE sql VOLATILE AS $$
  INSERT INTO low_stock_alerts (sku_id, warehouse_id, available_at_alert, threshold)
  SELECT p_sku_id, p_warehouse_id, p_available, p_threshold
  WHERE p_available <= p_threshold
    AND NOT EXISTS (SELECT 1 FROM low_stock_alerts a
                    WHERE a.sku_id = p_sku_id AND a.warehouse_id = p_warehouse_id AND a.resolved_at IS NULL)
  ON CONFLICT (sku_id, warehouse_id) WHERE resolved_at IS NULL AND acknowledged_at IS NULL DO NOTHING
  RETURNING 1
$$;
--> statement-breakpoint
-- An order's reservation, applied when its transaction commits (see
-- domain/inventory/reserve-at-commit.ts for why): the conditional update of the stock level, the
-- levels after it written into the ledger row, the low-stock alert. A level that cannot take it
-- fails the COMMIT with SQLSTATE OS001, naming every SKU of the order that is short now, and the
-- whole order rolls back.
CREATE FUNCTION apply_reservation_at_commit() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  level_on_hand integer;
  level_reserved integer;
  level_threshold integer;
  short_skus text;
BEGIN
  UPDATE stock_levels AS level
  SET reserved = level.reserved + NEW.reserved_delta, updated_at = now()
  WHERE level.sku_id = NEW.sku_id AND level.warehouse_id = NEW.warehouse_id
    AND level.on_hand - level.reserved >= NEW.reserved_delta
  RETURNING level.on_hand, level.reserved, low_stock_threshold(level.low_stock_threshold, level.sku_id)
  INTO level_on_hand, level_reserved, level_threshold;
  IF NOT FOUND THEN
    SELECT string_agg(DISTINCT s.code, ', ' ORDER BY s.code) INTO short_skus
    FROM stock_movements m
    JOIN skus s ON s.id = m.sku_id
    LEFT JOIN stock_levels l ON l.sku_id = m.sku_id AND l.warehouse_id = m.warehouse_id
    WHERE (m.id = NEW.id OR (NEW.order_id IS NOT NULL AND m.order_id = NEW.order_id))
      AND m.kind = 'reserve' AND m.on_hand_after IS NULL
      AND (l.sku_id IS NULL OR l.on_hand - l.reserved < m.reserved_delta);
    RAISE EXCEPTION 'not enough stock for: %', short_skus USING ERRCODE = 'OS001', DETAIL = short_skus;
  END IF;
  -- a new id, taken now that the level is locked: per level, ledger ids stay in the order the
  -- changes were applied (the row was inserted before the lock, while others may have gone first)
  UPDATE stock_movements SET id = DEFAULT, on_hand_after = level_on_hand, reserved_after = level_reserved WHERE id = NEW.id;
  IF level_on_hand - level_reserved <= level_threshold THEN
    PERFORM raise_low_stock_alert(NEW.sku_id, NEW.warehouse_id, level_on_hand - level_reserved, level_threshold);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER stock_movements_reserve_at_commit
AFTER INSERT ON stock_movements
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW WHEN (NEW.kind = 'reserve' AND NEW.on_hand_after IS NULL)
EXECUTE FUNCTION apply_reservation_at_commit();
