/**
 * What each calendar in ../shared/fixtures/oracle-ics/ should produce, written by reading each
 * file against RFC 5545 (not from what the parser prints). Read in the zone UTC, so a floating
 * time is read as UTC and an all-day date starts at 00:00Z; `first` and `last` are a date
 * (YYYY-MM-DD) for an all-day occurrence and an instant (…Z, whole seconds) for a timed one.
 * `count`, `first` and `last` are over the occurrences that START inside the window
 * [from, to): `DEFAULT_WINDOW` unless the file has its own (every file with an endless rule,
 * or too many events to count by hand, has a narrow one).
 *
 * Where the RFC is silent the decisions of issue 18 are the expectation (`decision` cases);
 * where a file is invalid in a way the issue does not list, `note` says what was chosen and why.
 */
export interface OracleExpectation {
  file: string;
  window?: {from: string; to: string};
  count: number;
  first?: string;
  last?: string;
  /** Occurrences that must be among those shown: start (as `first`), and optionally end and title. */
  includes?: Array<{start: string; end?: string; title?: string}>;
  note?: string;
}

export const DEFAULT_WINDOW = {from: '2000-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z'};

export const oracleExpectations: OracleExpectation[] = [
  // ical.js samples. Los Angeles is UTC−7 in summer (PDT), UTC−8 in winter (PST).
  {file: 'icaljs-blank_description.ics', count: 1, first: '2012-06-30T13:00:00Z', last: '2012-06-30T13:00:00Z'},
  {
    file: 'icaljs-daily_recur.ics',
    window: {from: '2012-08-01T00:00:00Z', to: '2012-09-01T00:00:00Z'},
    count: 31,
    first: '2012-08-01T12:00:00Z',
    last: '2012-08-31T12:00:00Z',
  },
  {
    // Weekly MO–FR, all-day, from Friday 3 August: the 3rd, then four full weeks.
    file: 'icaljs-day_long_recur_yearly.ics',
    window: {from: '2012-08-01T00:00:00Z', to: '2012-09-01T00:00:00Z'},
    count: 21,
    first: '2012-08-03',
    last: '2012-08-31',
  },
  {
    file: 'icaljs-duration_instead_of_dtend.ics',
    count: 1,
    first: '2012-06-30T13:00:00Z',
    last: '2012-06-30T13:00:00Z',
    includes: [{start: '2012-06-30T13:00:00Z', end: '2012-07-01T13:00:00Z'}],
  },
  {file: 'icaljs-forced_types.ics', count: 1, first: '2012-09-04', last: '2012-09-04'},
  {file: 'icaljs-minimal.ics', count: 1, first: '2012-06-30T13:00:00Z', last: '2012-06-30T13:00:00Z'},
  {
    // Two RRULEs (RFC 2445 allowed several; §3.8.5.3 of RFC 5545 says SHOULD NOT, not MUST NOT):
    // the set is their union (§3.8.5). Weekly: 18 Mondays 26 March – 23 July; monthly BYDAY=SU:
    // every Sunday of April – July, 18, the last 29 July (18:00Z, before UNTIL 30 July 06:59Z).
    file: 'icaljs-multiple_rrules.ics',
    count: 36,
    first: '2012-03-26T18:00:00Z',
    last: '2012-07-29T18:00:00Z',
  },
  {file: 'icaljs-only_dtstart_date.ics', count: 1, first: '2012-06-30', last: '2012-06-30'},
  {file: 'icaljs-only_dtstart_time.ics', count: 1, first: '2012-06-30T13:00:00Z', last: '2012-06-30T13:00:00Z'},
  {
    file: 'icaljs-parserv2.ics',
    window: {from: '2012-09-01T00:00:00Z', to: '2012-10-01T00:00:00Z'},
    count: 14,
    first: '2012-09-11T17:30:00Z',
    last: '2012-09-28T17:30:00Z',
  },
  {
    // First Tuesdays + three RDATEs − three EXDATEs; 2 October moved to 15:00 PDT, the RDATE of
    // 5 November (RECURRENCE-ID written in UTC, 18:00Z = 10:00 PST) moved to 6 November 20:00 PST.
    file: 'icaljs-recur_instances.ics',
    window: {from: '2012-10-01T00:00:00Z', to: '2013-07-01T00:00:00Z'},
    count: 9,
    first: '2012-10-02T22:00:00Z',
    last: '2013-06-04T17:00:00Z',
    includes: [{start: '2012-11-07T04:00:00Z', end: '2012-11-07T04:30:00Z'}],
  },
  {
    // UNTIL=20121231T100000 is floating while DTSTART has a TZID (§3.3.10 wants UTC): read in the
    // series' zone, which changes nothing here. 2 Oct, 6 Nov, 4 Dec, RDATEs 5 and 10 Nov.
    file: 'icaljs-recur_instances_finite.ics',
    count: 5,
    first: '2012-10-02T17:00:00Z',
    last: '2012-12-04T18:00:00Z',
    note: 'floating UNTIL on a zoned series: read in the series zone',
  },
  {file: 'icaljs-utc_negative_zero.ics', count: 1, first: '2012-08-21T21:00:00Z', last: '2012-08-21T21:00:00Z'},

  // python-recurring-ical-events' calendars.
  {file: 'rie-Germany.ics', count: 159, first: '2008-01-01', last: '2020-12-26'},
  {
    // Every event has an empty `RRULE:` (a broken rule: ignored, the event shown once) and
    // `DTSTART:20190101` without VALUE=DATE (decision: a date, all-day). DTEND equals DTSTART:
    // an end at or before the start is no end (DESIGN.md), an all-day event on its one date.
    file: 'rie-Germany_Holidays.ics',
    count: 34,
    first: '2019-01-01',
    last: '2020-12-26',
    includes: [{start: '2019-01-01', title: "New Year's Day"}],
  },
  {
    // event 2: daily 26 Mar – 2 Apr 03:00 London, five EXDATEs leave 26, 27, 29; 27 is
    // overridden in place ("event 3") and 29 moved to 27 16:00 ("event 5"). event 6: 28 and 29
    // (all-day), 29 overridden ("event 7"). Plus the single events 1 and 4.
    file: 'rie-after_many_events_in_order.ics',
    count: 7,
    first: '2024-03-26T01:00:00Z',
    last: '2024-03-29',
    includes: [
      {start: '2024-03-27T16:00:00Z', title: 'event 5'},
      {start: '2024-03-29', title: 'event 7'},
    ],
  },
  {
    // EXDATE;VALUE=DATE on a date-time series: the RFC wants the same value type (§3.8.5.1);
    // read as "not on that day", the only sense it can have.
    file: 'rie-date_exclude.ics',
    count: 2,
    first: '2023-12-15T06:00:00Z',
    last: '2023-12-17T06:00:00Z',
    note: 'a date EXDATE on a timed series removes that day',
  },
  {
    // Two weeks over the start of summer time (31 March 2019) in Berlin: 27–29 March in CET,
    // 2–5 April in CEST; the fortnightly Tuesday series are off on 26 March, on on 2 April.
    file: 'rie-daylight_saving_time.ics',
    window: {from: '2019-03-25T00:00:00Z', to: '2019-04-08T00:00:00Z'},
    count: 12,
    first: '2019-03-27T18:00:00Z',
    last: '2019-04-05T06:30:00Z',
    includes: [
      {start: '2019-03-28T07:30:00Z', end: '2019-03-28T13:30:00Z'},
      {start: '2019-04-04T06:30:00Z', end: '2019-04-04T12:30:00Z'},
    ],
  },
  {file: 'rie-discourse_no_dtend.ics', count: 4, first: '2019-01-17T17:00:25Z', last: '2019-05-11T11:00:21Z'},
  {
    // The same RRULE twice: the union has each date once.
    file: 'rie-duplicated_rrule.ics',
    count: 20,
    first: '2023-01-12T10:00:00Z',
    last: '2023-05-25T09:00:00Z',
  },
  {
    // No UIDs; DTSTART:20180110 without VALUE=DATE is a date (decision), DURATION P3D.
    file: 'rie-duration.ics',
    count: 3,
    first: '2018-01-10',
    last: '2018-01-20T12:00:00Z',
    includes: [
      {start: '2018-01-10', end: '2018-01-13'},
      {start: '2018-01-15T10:00:00Z', end: '2018-01-15T13:00:00Z'},
    ],
  },
  {
    file: 'rie-duration_edited.ics',
    count: 3,
    first: '2019-03-18T03:00:00Z',
    last: '2019-03-20T03:00:00Z',
    includes: [{start: '2019-03-19T03:00:00Z', end: '2019-03-19T06:00:00Z', title: 'edited duration'}],
  },
  {file: 'rie-each_week_but_one_deleted.ics', count: 7, first: '2019-03-03T23:30:00Z', last: '2019-04-21T22:30:00Z'},
  {file: 'rie-each_week_but_two_deleted.ics', count: 6, first: '2019-03-03T23:30:00Z', last: '2019-04-21T22:30:00Z'},
  {file: 'rie-event_10_times.ics', count: 10, first: '2020-01-13T06:45:00Z', last: '2020-01-22T06:45:00Z'},
  {
    // Third Wednesdays in BYMONTH 1–5, 9–12 from 20 Sep 2023, COUNT=9 (to 15 May 2024), minus
    // EXDATE 20 Dec, plus RDATE 13 Dec as a PERIOD 12:00–15:00 PST: that one lasts 3 hours
    // (§3.8.5.2). ical.js 2.2.1 stops such a COUNT early (issue 18).
    file: 'rie-issue_113_period_in_rdate.ics',
    count: 9,
    first: '2023-09-20T19:00:00Z',
    last: '2024-05-15T19:00:00Z',
    includes: [
      {start: '2023-12-13T20:00:00Z', end: '2023-12-13T23:00:00Z'},
      {start: '2024-01-17T20:00:00Z', end: '2024-01-17T22:00:00Z'},
    ],
  },
  {
    file: 'rie-issue_113_period_rdate_duration.ics',
    count: 2,
    first: '2024-09-12T12:00:00Z',
    last: '2024-09-13T12:00:00Z',
    includes: [
      {start: '2024-09-12T12:00:00Z', end: '2024-09-12T13:00:00Z'},
      {start: '2024-09-13T12:00:00Z', end: '2024-09-13T14:00:00Z'},
    ],
  },
  {
    // Decision: UNTIL before DTSTART still leaves DTSTART (§3.8.5.3: DTSTART is the first instance).
    file: 'rie-issue_117_until_before_dtstart.ics',
    count: 1,
    first: '2023-10-02',
    last: '2023-10-02',
    includes: [{start: '2023-10-02', end: '2023-10-09'}],
  },
  {
    // Decision: COUNT=-1 is not a positive integer, so it is ignored and UNTIL applies:
    // every 4th Monday from 2 Oct 2023 to 31 Mar 2024.
    file: 'rie-issue_128_only_first_event.ics',
    count: 7,
    first: '2023-10-02',
    last: '2024-03-18',
  },
  {
    // Two masters share a UID: SEQUENCE 3 stands (decision). Its EXDATE removes 15 July, so the
    // SEQUENCE 2 override of 15 July is stale (lower SEQUENCE, a date no longer produced): dropped.
    file: 'rie-issue_148_edge_case_1.ics',
    count: 2,
    first: '2024-07-01',
    last: '2024-07-29',
  },
  {
    // As above without the EXDATE: the master still produces 15 July, so the override applies
    // (it moves that week to 2 July). An RRULE inside an override is ignored (§3.8.4.4: an
    // override is one instance).
    file: 'rie-issue_148_edge_case_2.ics',
    count: 3,
    first: '2024-07-01',
    last: '2024-07-29',
    includes: [{start: '2024-07-02', end: '2024-07-09', title: 'test123 - edited event!!!!'}],
  },
  {file: 'rie-issue_148_exdate_and_rdate_unedited.ics', count: 3, first: '2024-07-01', last: '2024-07-29', includes: [{start: '2024-07-17'}]},
  {
    // The SEQUENCE 2 revision stands: EXDATE 29 July, RDATE 30 July.
    file: 'rie-issue_148_exdate_and_rdate_updated.ics',
    count: 3,
    first: '2024-07-01',
    last: '2024-07-30',
    includes: [{start: '2024-07-15', title: 'test123 - edited'}],
  },
  {file: 'rie-issue_148_ignored_exdate.ics', count: 2, first: '2024-07-01', last: '2024-07-29'},
  {
    // Yearly 1 August 19:00 PDT, 2016 excluded, 2014 moved to 18:30.
    file: 'rie-issue_151_macos_linux_difference.ics',
    window: {from: '2014-01-01T00:00:00Z', to: '2019-01-01T00:00:00Z'},
    count: 4,
    first: '2014-08-02T01:30:00Z',
    last: '2018-08-02T02:00:00Z',
  },
  {
    file: 'rie-issue_151_macos_linux_difference2.ics',
    window: {from: '2014-01-01T00:00:00Z', to: '2019-01-01T00:00:00Z'},
    count: 4,
    first: '2014-08-02T01:30:00Z',
    last: '2018-08-02T02:00:00Z',
  },
  {file: 'rie-issue_15_duplicated_events.ics', count: 3, first: '2013-08-03T19:00:00Z', last: '2013-08-03T19:00:00Z'},
  {
    // SEQUENCE 2 master with EXDATE 19 Aug stands; the SEQUENCE 1 override of 19 Aug is stale.
    file: 'rie-issue_163_deleted_modification.ics',
    window: {from: '2024-07-01T00:00:00Z', to: '2024-10-01T00:00:00Z'},
    count: 3,
    first: '2024-07-29',
    last: '2024-09-30',
  },
  {
    // The same override twice (same UID, RECURRENCE-ID, SEQUENCE): shown once.
    file: 'rie-issue_164_duplicated_event.ics',
    window: {from: '2024-03-31T00:00:00Z', to: '2024-09-01T00:00:00Z'},
    count: 8,
    first: '2024-04-01',
    last: '2024-08-26',
  },
  {
    // 677 VEVENTs; one week (Mon 15 – Sun 21 Jan 2024, Paris UTC+1) counted by hand: nine single
    // events, six occurrences of series and overrides, among them an override whose UID has no
    // master (`_6krj…`, shown as itself) and an all-day override on the 20th.
    file: 'rie-issue_173_only_modifications_error.ics',
    window: {from: '2024-01-15T00:00:00Z', to: '2024-01-22T00:00:00Z'},
    count: 15,
    first: '2024-01-15T09:00:00Z',
    last: '2024-01-20',
    includes: [
      {start: '2024-01-15T14:30:00Z', end: '2024-01-15T15:15:00Z'},
      {start: '2024-01-18T08:00:00Z', end: '2024-01-18T09:30:00Z'},
      {start: '2024-01-18T13:00:00Z', end: '2024-01-18T14:00:00Z'},
    ],
  },
  {
    // Daily ×3, the second CANCELLED by its override.
    file: 'rie-issue_18_cancel_status.ics',
    count: 2,
    first: '2020-01-28T21:00:00Z',
    last: '2020-01-30T21:00:00Z',
  },
  {
    // Decision: a date start with a date-time end is all-day; it ends on the end's date.
    file: 'rie-issue_201_mixed_datetime_and_date.ics',
    count: 1,
    first: '2023-07-24',
    last: '2023-07-24',
    includes: [{start: '2023-07-24', end: '2023-08-17'}],
  },
  {
    // Tuesdays 15 Oct 2019 – 28 Jan 2020 (4 Feb 15:15Z is past UNTIL 15:14:59Z), 16, minus the
    // nine EXDATEs in UTC.
    file: 'rie-issue_20_exdate_ignored.ics',
    count: 7,
    first: '2019-10-29T15:15:00Z',
    last: '2020-01-28T15:15:00Z',
  },
  {file: 'rie-issue_223_one_event_with_sequence.ics', count: 2, first: '2019-03-04T07:00:00Z', last: '2019-03-05T07:00:00Z'},
  {
    // Daily 23–27 April 09:00 BST (27th 08:00Z = UNTIL, included); 24th moved to 11:00.
    file: 'rie-issue_223_thunderbird.ics',
    count: 5,
    first: '2025-04-23T08:00:00Z',
    last: '2025-04-27T08:00:00Z',
    includes: [{start: '2025-04-24T10:00:00Z'}],
  },
  {
    // Floating daily 08:00, read in the display zone (UTC here).
    file: 'rie-issue_243_recurrence_id_is_not_identical_to_dtstart.ics',
    window: {from: '2015-09-01T00:00:00Z', to: '2015-09-11T00:00:00Z'},
    count: 10,
    first: '2015-09-01T08:00:00Z',
    last: '2015-09-10T08:00:00Z',
  },
  {
    // Master (SEQUENCE 2): 1 and 15 July. The override for 29 July has SEQUENCE 1, and the master
    // no longer produces 29 July (UNTIL 20 July): stale, dropped (decision).
    file: 'rie-issue_253_additional_recurrence_id.ics',
    count: 2,
    first: '2024-07-01',
    last: '2024-07-15',
  },
  {
    // The override of 15 July (still produced) moves it to 29 July: applied despite SEQUENCE 1.
    file: 'rie-issue_253_edge_case_1.ics',
    count: 2,
    first: '2024-07-01',
    last: '2024-07-29',
    includes: [{start: '2024-07-29', end: '2024-08-04', title: 'event 1'}],
  },
  {file: 'rie-issue_253_recurrence_id_included.ics', count: 2, first: '2024-07-01', last: '2024-07-29'},
  {
    // UNTIL=20200429T000000 floating on a zoned series (§3.3.10 wants UTC): read in the zone.
    file: 'rie-issue_27_t1.ics',
    count: 2,
    first: '2020-04-26T12:00:00Z',
    last: '2020-04-28T12:00:00Z',
    note: 'floating UNTIL on a zoned series: read in the series zone',
  },
  {file: 'rie-issue_27_t2.ics', count: 2, first: '2020-04-26T12:00:00Z', last: '2020-04-28T12:00:00Z'},
  {
    // Outlook, two fortnightly all-day series. Their UNTIL is a UTC date-time on a date start
    // (§3.3.10 wants a DATE): 23:00Z is midnight in the calendar's zone (GMT Standard Time =
    // London, BST), so read in that zone the last dates are 17 and 24 September. Three overrides
    // have a date-time RECURRENCE-ID on the all-day series (decision: they replace that date).
    file: 'rie-issue_28_rrule_with_UTC_endinginZ.ics',
    count: 26,
    first: '2020-04-02',
    last: '2020-09-24',
    includes: [{start: '2020-04-17', title: 'Refuse black bin'}, {start: '2020-09-17'}, {start: '2020-09-24', title: 'Blue Recycle bin'}],
    note: 'a UTC UNTIL on an all-day series is read in the calendar zone',
  },
  {
    // Series 1: RECURRENCE-ID in UTC names 17 Sep 14:00 CEST. Series 2 (all-day): RECURRENCE-ID
    // 20200914 without VALUE=DATE, and 20200921T000000Z, each replace that date (decision).
    file: 'rie-issue_36_recurrence_ID_format.ics',
    window: {from: '2020-09-01T00:00:00Z', to: '2020-10-01T00:00:00Z'},
    count: 7,
    first: '2020-09-07',
    last: '2020-09-28',
    includes: [
      {start: '2020-09-17T12:00:00Z', title: 'Modified event'},
      {start: '2020-09-14', title: 'Modified event 1'},
      {start: '2020-09-21', title: 'Modified event 2'},
    ],
  },
  {
    file: 'rie-issue_4.ics',
    window: {from: '2019-01-01T00:00:00Z', to: '2019-04-01T00:00:00Z'},
    count: 6,
    first: '2019-01-24',
    last: '2019-03-28',
  },
  {file: 'rie-issue_44_double_event.ics', count: 1, first: '2020-08-14', last: '2020-08-14'},
  {
    // Lisbon leaves summer time on 25 Oct 2020: 11:30 local is 10:30Z, then 11:30Z.
    file: 'rie-issue_48_daylight_aware_repeats.ics',
    window: {from: '2020-10-01T00:00:00Z', to: '2020-11-01T00:00:00Z'},
    count: 4,
    first: '2020-10-05T10:30:00Z',
    last: '2020-10-26T11:30:00Z',
  },
  {
    // One week of a school timetable in Chicago (CST, UTC−6), thirteen series counted by hand.
    file: 'rie-issue_48_dst.ics',
    window: {from: '2020-11-16T00:00:00Z', to: '2020-11-23T00:00:00Z'},
    count: 14,
    first: '2020-11-16T14:15:00Z',
    last: '2020-11-20T20:15:00Z',
  },
  {
    // UNTIL=20191023 is a date on a date-time series (§3.3.10 wants UTC): read as the end of that day.
    file: 'rie-issue_4_rrule_until.ics',
    count: 12,
    first: '2019-08-01T13:00:00Z',
    last: '2019-10-17T13:00:00Z',
    note: 'date UNTIL on a timed series: until the end of that date',
  },
  {file: 'rie-issue_4_weidenrinde.ics', count: 2, first: '2019-08-23', last: '2019-08-30'},
  {
    // Last Fridays 21:30 Berlin; 31 Dec moved to 17 Dec.
    file: 'rie-issue_62_moved_event.ics',
    window: {from: '2021-11-01T00:00:00Z', to: '2022-02-01T00:00:00Z'},
    count: 3,
    first: '2021-11-26T20:30:00Z',
    last: '2022-01-28T20:30:00Z',
    includes: [{start: '2021-12-17T20:30:00Z'}],
  },
  {
    file: 'rie-issue_62_moved_event_2.ics',
    count: 6,
    first: '2023-08-08T04:00:00Z',
    last: '2023-08-24',
    includes: [{start: '2023-08-14T04:00:00Z'}, {start: '2023-08-16'}],
  },
  {
    // RANGE=THISANDFUTURE (§3.8.4.4): the override of 13 Sep (−3 h, 7 h long, "MODIFIED EVENT")
    // applies to it and every later instance, the RDATE of 14 Sep among them; 15 Sep has its own
    // override; from 21 Sep the second one (+1 day 2:22, 1 h 51 long, "EDITED EVENT") applies.
    // UNTIL=20250920 is a date on a timed series: until the end of that date.
    file: 'rie-issue_75_range_parameter.ics',
    window: {from: '2024-09-01T00:00:00Z', to: '2024-10-01T00:00:00Z'},
    count: 16,
    first: '2024-09-01T12:00:00Z',
    last: '2024-09-30T14:22:00Z',
    includes: [
      {start: '2024-09-11T12:00:00Z', end: '2024-09-11T14:00:00Z', title: 'ORIGINAL EVENT'},
      {start: '2024-09-13T09:00:00Z', end: '2024-09-13T16:00:00Z', title: 'MODIFIED EVENT'},
      {start: '2024-09-14T06:00:00Z', end: '2024-09-14T13:00:00Z', title: 'MODIFIED EVENT'},
      {start: '2024-09-15T17:00:00Z', end: '2024-09-15T19:00:00Z', title: 'MODIFIED EVENT'},
      {start: '2024-09-19T09:00:00Z', end: '2024-09-19T16:00:00Z', title: 'MODIFIED EVENT'},
      {start: '2024-09-22T14:22:00Z', end: '2024-09-22T16:13:00Z', title: 'EDITED EVENT'},
      {start: '2024-09-28T14:22:00Z', end: '2024-09-28T16:13:00Z', title: 'EDITED EVENT'},
    ],
  },
  {file: 'rie-issue_86_x_wr_timezone_without_time_zone_in_dt.ics', count: 1, first: '2021-09-16T19:00:00Z', last: '2021-09-16T19:00:00Z'},
  {
    file: 'rie-machbar_16_feb_2019.ics',
    window: {from: '2019-02-01T00:00:00Z', to: '2019-03-01T00:00:00Z'},
    count: 20,
    first: '2019-02-05T16:00:00Z',
    last: '2019-02-28T19:00:00Z',
    includes: [{start: '2019-02-24T10:00:00Z'}],
  },
  {
    // Weekly Thursdays ×20 and monthly second Mondays COUNT=2; DTSTART counts as the first of
    // each rule's COUNT (§3.8.5.3), so the monthly rule adds 13 Feb only.
    file: 'rie-multiple_rrule.ics',
    count: 21,
    first: '2023-01-12T10:00:00Z',
    last: '2023-05-25T09:00:00Z',
    includes: [{start: '2023-02-13T10:00:00Z'}],
  },
  {file: 'rie-no_events.ics', count: 0},
  {file: 'rie-one_day_event.ics', count: 1, first: '2019-03-04', last: '2019-03-04'},
  {
    file: 'rie-one_day_event_repeat_every_day.ics',
    window: {from: '2019-03-01T00:00:00Z', to: '2019-04-01T00:00:00Z'},
    count: 28,
    first: '2019-03-04',
    last: '2019-03-31',
  },
  {file: 'rie-one_event.ics', count: 1, first: '2019-03-04T07:00:00Z', last: '2019-03-04T07:00:00Z'},
  {
    file: 'rie-one_event_repeat_every_3_days.ics',
    window: {from: '2019-03-01T00:00:00Z', to: '2019-04-01T00:00:00Z'},
    count: 10,
    first: '2019-03-03T23:00:00Z',
    last: '2019-03-30T23:00:00Z',
  },
  {
    // No UIDs. 1: daily 3 Aug 2013 – 19 Mar 2015 (594), the RDATE already one of them. 2: daily
    // 3 Aug 2014 – 19 Mar 2016 (595) less the EXDATE. 3: one event, its RDATE removed again.
    file: 'rie-rdate.ics',
    count: 1189,
    first: '2013-08-03T19:00:00Z',
    last: '2024-08-03T19:00:00Z',
  },
  {file: 'rie-rdate2.ics', count: 594, first: '2014-08-03T19:00:00Z', last: '2016-03-19T19:00:00Z'},
  {
    // As issue_20, plus an RDATE on the day the rule's UNTIL just misses.
    file: 'rie-rdate_falls_on_rrule_until.ics',
    count: 8,
    first: '2019-10-29T15:15:00Z',
    last: '2020-02-04T15:15:00Z',
    includes: [{start: '2020-02-04T15:15:00Z', end: '2020-02-04T16:45:00Z'}],
  },
  {file: 'rie-rdate_hackerpublicradio.ics', count: 12, first: '2013-08-03T19:00:00Z', last: '2014-07-05T19:00:00Z'},
  {
    // The override's SEQUENCE (3) is below the master's (4), but the master still produces 22 Sep:
    // it applies (only an override for a date no longer produced is stale).
    file: 'rie-recurrence_sequence_number.ics',
    window: {from: '2020-09-01T00:00:00Z', to: '2020-10-01T00:00:00Z'},
    count: 4,
    first: '2020-09-08',
    last: '2020-09-29',
    includes: [{start: '2020-09-22', title: 'Modified event'}],
  },
  {
    // The override of 10 March has both DTEND and DURATION (§3.6.1: MUST NOT): DTEND is used.
    file: 'rie-recurring_events_changed_duration.ics',
    count: 7,
    first: '2019-03-07T01:00:00Z',
    last: '2019-03-20T03:00:00Z',
    includes: [
      {start: '2019-03-08T00:00:00Z', end: '2019-03-08T02:00:00Z'},
      {start: '2019-03-09T02:00:00Z', end: '2019-03-09T02:30:00Z'},
      {start: '2019-03-10', end: '2019-03-11'},
    ],
    note: 'DTEND and DURATION together: DTEND wins',
  },
  {
    file: 'rie-recurring_events_moved.ics',
    count: 7,
    first: '2019-03-07T01:00:00Z',
    last: '2019-03-20T03:00:00Z',
    includes: [{start: '2019-03-08T00:00:00Z', end: '2019-03-08T01:00:00Z'}],
  },
  {
    // Daily 23–28 Sep 12:00 BST; four overrides move 23 and 27 onto the 24th, 25 and 28 onto the
    // 26th: six distinct occurrences, three at the same time on two days.
    file: 'rie-same_event_recurring_at_same_time.ics',
    count: 6,
    first: '2024-09-24T11:00:00Z',
    last: '2024-09-26T11:00:00Z',
  },
  {file: 'rie-several_events_at_the_same_time.ics', count: 10, first: '2019-03-04T07:00:00Z', last: '2019-03-04T07:00:00Z'},
  {file: 'rie-subcomponents.ics', count: 1, first: '2019-05-27T12:00:00Z', last: '2019-05-27T12:00:00Z'},
  {file: 'rie-three_events.ics', count: 3, first: '2019-03-03T23:00:00Z', last: '2019-03-09T23:00:00Z'},
  {file: 'rie-three_events_one_edited.ics', count: 3, first: '2019-03-18T03:00:00Z', last: '2019-03-20T03:00:00Z'},
  {file: 'rie-x_wr_timezone_simple_events_issue_59.ics', count: 2, first: '2021-12-22T17:00:00Z', last: '2021-12-23T02:00:00Z'},
  {file: 'rie-zero_size_event.ics', count: 1, first: '2019-03-04T07:00:00Z', last: '2019-03-04T07:00:00Z'},
  {file: 'rie-issue_179_example.ics', window: {from: '2020-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z'}, count: 5, first: '2020-11-02', last: '2024-11-02'},
];
