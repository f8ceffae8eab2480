// GDAL's C API (raster, OGR vector, OGR spatial references and PROJ transformations, CPL
// errors and strings; the Arrow C data and stream structs that OGR_L_GetArrowStream fills).
// Only the C headers: GDALKit never sees a C++ type.
#ifndef PHUSONG_CGDAL_SHIM_H
#define PHUSONG_CGDAL_SHIM_H
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_api.h>
#include <ogr_core.h>
#include <ogr_recordbatch.h>
#include <ogr_srs_api.h>
#endif
