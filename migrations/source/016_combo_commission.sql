-- Commission on combos (issue 18), as on picks (014): odds holds the price the bettor gets for the
-- whole combo, net of the book's commission on winnings (settlement, ROI and reports read it);
-- quoted_odds the price the book showed and commission its rate. Combos recorded before this
-- migration have quoted_odds NULL: their odds is the quoted price, read gross.
ALTER TABLE fg_combo_tracking
  ADD COLUMN quoted_odds double precision CHECK (quoted_odds > 1),
  ADD COLUMN commission  double precision NOT NULL DEFAULT 0 CHECK (commission >= 0 AND commission < 1);
