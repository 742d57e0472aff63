-- Commission on net winnings (issue 16): a pick or bet at an exchange pays (odds - 1)·(1 - commission)
-- when it wins. odds_taken holds the price the bettor gets, net of the commission (CLV, settlement, ROI
-- and reports read it); quoted_odds the price the book showed and commission its rate. Rows recorded
-- before this migration have quoted_odds NULL: their odds_taken is the quoted price, read gross.
ALTER TABLE tracking_clv_picks
  ADD COLUMN quoted_odds double precision CHECK (quoted_odds > 1),
  ADD COLUMN commission  double precision NOT NULL DEFAULT 0 CHECK (commission >= 0 AND commission < 1);
