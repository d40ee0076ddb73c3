-- Every input person reaches person_fit or rejected_records, and none reaches both.

with

inputs as (

    select person_id from {{ ref('stg_gtm__people') }}

),

fits as (

    select person_id from {{ ref('person_fit') }}

),

rejects as (

    select record_id from {{ ref('rejected_records') }}
    where input_table = 'people'

),

input_count as (

    select count(*) as row_count from inputs

),

output_count as (

    select
        (select count(*) from fits) + (select count(*) from rejects) as row_count

)

select
    input_count.row_count as input_rows,
    output_count.row_count as output_rows
from input_count
cross join output_count
where input_count.row_count != output_count.row_count
