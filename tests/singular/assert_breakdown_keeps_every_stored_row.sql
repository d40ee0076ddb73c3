-- score_breakdown has exactly as many rows as int_records__criteria_evaluated, so its
-- join to the criteria neither drops nor repeats a stored row. A dropped filter or
-- exclude row would not change the sum of the contributions, so
-- assert_breakdown_sums_to_score cannot see it.

with

breakdown_rows as (

    select count(*) as row_count
    from {{ ref('score_breakdown') }}

),

stored_rows as (

    select count(*) as row_count
    from {{ ref('int_records__criteria_evaluated') }}

)

select
    breakdown_rows.row_count as breakdown_row_count,
    stored_rows.row_count as stored_row_count
from breakdown_rows

cross join stored_rows

where breakdown_rows.row_count <> stored_rows.row_count
